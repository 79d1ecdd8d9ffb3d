import type { MarkdownsMessages } from './en';

/** 简体中文 for the clearance page's markdown planner. */
export const markdownsZhCN: MarkdownsMessages = {
  'clearance.actions': '操作',
  'markdown.plan': '计划降价',
  'markdown.planFor': '计划降价：{sku}',
  'markdown.show': '降价计划',
  'markdown.showFor': '降价计划：{sku}',
  'markdown.title': '降价：',
  'markdown.advised': '建议：以 {price} 销售 {days} 天。',
  'markdown.current': '当前价格 {price}。',
  'markdown.startsOn': '开始日期',
  'markdown.endsOn': '结束日期',
  'markdown.endsOnDefault': '留空：{date}，即建议的 {days} 天。',
  'markdown.endsOnNeeded': '必填：建议未给出持续时间。',
  'markdown.percentOff': '折扣百分比',
  'markdown.newPrice': '新价格 {price}。',
  'markdown.forecastNote':
    '保存后该 SKU 的预测立即采用计划降价（读取时重新计算）；补货计划在下一次预测运行后采用。',
  'markdown.save': '计划降价',
  'markdown.saved': '降价已计划。',
  'markdown.planned': '该 SKU 已计划的降价',
  'markdown.none': '该 SKU 尚无降价计划。',
  'markdown.item': '{from} – {to}：价格 × {factor}（降 {percent}）',
  'markdown.remove': '删除',
  'markdown.removeFor': '删除 {from} 至 {to} 的降价',
  'markdown.viewOnly': '您的角色可以查看降价计划，但不能计划或删除。',
  'markdown.eventName': '清仓降价',
  'markdown.invalid.startsOn': '请输入开始日期。',
  'markdown.invalid.endsOn': '请输入不早于开始日期、且不超过一年的结束日期。',
  'markdown.invalid.priceFactor': '请输入小于 100 的折扣百分比（新价格大于零，且不超过当前价格的五倍）。',
};
