import type { ForecastingMessages } from './en';

/** 简体中文 for the forecast accuracy page. */
export const forecastingZhCN: ForecastingMessages = {
  'forecast.priceChange':
    '{name}，{from} – {to}：价格 × {factor}，需求 × {multiplier}（价格弹性 {elasticity}）。',
  'nav.forecastAccuracy': '预测准确度',
  'accuracy.title': '预测准确度',
  'accuracy.subtitle': '过去的预测与实际销量的差距，并与季节性朴素预测（每个工作日重复上周）对比。',
  'accuracy.window': '每个预测评分的天数',
  'accuracy.windowOption': '前 {days} 天',
  'accuracy.wape': '预测误差（WAPE）',
  'accuracy.baseline': '季节性朴素预测误差（WAPE）',
  'accuracy.bias': '偏差',
  'accuracy.coverage': '不高于 {level} 分位数',
  'accuracy.scored': '已评分 {forecasts} 个预测，共 {days} 天有销售数据。',
  'accuracy.better': '误差比重复上周少 {pct}。',
  'accuracy.worse': '误差比重复上周多 {pct}。',
  'accuracy.overTime': '准确度趋势',
  'accuracy.category': '类别',
  'accuracy.allCategories': '全部类别',
  'accuracy.noCategory': '无类别',
  'accuracy.chartLabel': '{weeks} 周内每周的预测误差（WAPE）、季节性朴素预测误差和偏差。',
  'accuracy.week': '周起始日',
  'accuracy.observedDays': '评分天数',
  'accuracy.sold': '销量',
  'accuracy.byCategory': '按类别',
  'accuracy.worstSkus': '预测偏差最大的 SKU',
  'accuracy.worstSkusHint':
    '在所有已评分预测中偏差件数最多的 {count} 个 SKU（按销量加权的 WAPE），并列出季节性朴素预测误差。',
  'accuracy.missed': '偏差件数',
  'accuracy.forecasts': '已评分预测',
  'accuracy.worst': '误差最大的预测',
  'accuracy.worstHint': '与实际销量相差最大的 {count} 个预测，并列出季节性朴素预测误差。',
  'accuracy.firstDay': '首日',
  'accuracy.model': '模型',
  'accuracy.emptyTitle': '暂无可评分的预测',
  'accuracy.emptyBody': '已保存的预测满一天且之后记录了销量后，这里会显示准确度。',
};
