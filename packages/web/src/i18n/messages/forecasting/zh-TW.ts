import type { ForecastingMessages } from './en';

/** 繁體中文 for the forecast accuracy page. */
export const forecastingZhTW: ForecastingMessages = {
  'forecast.priceChange':
    '{name}，{from} – {to}：價格 × {factor}，需求 × {multiplier}（價格彈性 {elasticity}）。',
  'nav.forecastAccuracy': '預測準確度',
  'accuracy.title': '預測準確度',
  'accuracy.subtitle': '過去的預測與實際銷量的差距，並與季節性單純預測（每個星期幾重複上週）比較。',
  'accuracy.window': '每個預測評分的天數',
  'accuracy.windowOption': '前 {days} 天',
  'accuracy.wape': '預測誤差（WAPE）',
  'accuracy.baseline': '季節性單純預測誤差（WAPE）',
  'accuracy.bias': '偏差',
  'accuracy.coverage': '不高於 {level} 分位數',
  'accuracy.scored': '已評分 {forecasts} 個預測，共 {days} 天有銷售資料。',
  'accuracy.better': '誤差比重複上週少 {pct}。',
  'accuracy.worse': '誤差比重複上週多 {pct}。',
  'accuracy.overTime': '準確度趨勢',
  'accuracy.category': '類別',
  'accuracy.allCategories': '全部類別',
  'accuracy.noCategory': '無類別',
  'accuracy.chartLabel': '{weeks} 週內每週的預測誤差（WAPE）、季節性單純預測誤差與偏差。',
  'accuracy.week': '週起始日',
  'accuracy.observedDays': '評分天數',
  'accuracy.sold': '銷量',
  'accuracy.byCategory': '依類別',
  'accuracy.worstSkus': '預測偏差最大的 SKU',
  'accuracy.worstSkusHint':
    '在所有已評分預測中偏差件數最多的 {count} 個 SKU（依銷量加權的 WAPE），並列出季節性單純預測誤差。',
  'accuracy.missed': '偏差件數',
  'accuracy.forecasts': '已評分預測',
  'accuracy.worst': '誤差最大的預測',
  'accuracy.worstHint': '與實際銷量相差最大的 {count} 個預測，並列出季節性單純預測誤差。',
  'accuracy.firstDay': '首日',
  'accuracy.model': '模型',
  'accuracy.emptyTitle': '尚無可評分的預測',
  'accuracy.emptyBody': '已儲存的預測滿一天且之後記錄了銷量後，這裡會顯示準確度。',
};
