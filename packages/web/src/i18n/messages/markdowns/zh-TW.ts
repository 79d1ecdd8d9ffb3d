import type { MarkdownsMessages } from './en';

/** 繁體中文 for the clearance page's markdown planner. */
export const markdownsZhTW: MarkdownsMessages = {
  'clearance.actions': '操作',
  'markdown.plan': '規劃降價',
  'markdown.planFor': '規劃降價：{sku}',
  'markdown.show': '降價計畫',
  'markdown.showFor': '降價計畫：{sku}',
  'markdown.title': '降價：',
  'markdown.advised': '建議：以 {price} 銷售 {days} 天。',
  'markdown.current': '目前價格 {price}。',
  'markdown.startsOn': '開始日期',
  'markdown.endsOn': '結束日期',
  'markdown.endsOnDefault': '留空：{date}，即建議的 {days} 天。',
  'markdown.endsOnNeeded': '必填：建議未提供持續時間。',
  'markdown.percentOff': '折扣百分比',
  'markdown.newPrice': '新價格 {price}。',
  'markdown.forecastNote':
    '儲存後該 SKU 的預測立即採用規劃的降價（讀取時重新計算）；補貨計畫在下一次預測執行後採用。',
  'markdown.save': '規劃降價',
  'markdown.saved': '降價已規劃。',
  'markdown.planned': '此 SKU 已規劃的降價',
  'markdown.none': '此 SKU 尚無降價計畫。',
  'markdown.item': '{from} – {to}：價格 × {factor}（降 {percent}）',
  'markdown.remove': '刪除',
  'markdown.removeFor': '刪除 {from} 至 {to} 的降價',
  'markdown.viewOnly': '您的角色可以檢視降價計畫，但不能規劃或刪除。',
  'markdown.eventName': '清倉降價',
  'markdown.invalid.startsOn': '請輸入開始日期。',
  'markdown.invalid.endsOn': '請輸入不早於開始日期、且不超過一年的結束日期。',
  'markdown.invalid.priceFactor': '請輸入小於 100 的折扣百分比（新價格大於零，且不超過目前價格的五倍）。',
};
