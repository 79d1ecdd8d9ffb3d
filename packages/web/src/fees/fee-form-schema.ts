import type { FeeRates, FeeRatesPatch, FeeSchedule } from './fees.hooks';

/** The editable rates as the form holds them: money per ft³ or unit, the referral rate in percent. */
export interface FeeForm {
  standardOffPeak: number;
  standardPeak: number;
  oversizeOffPeak: number;
  oversizePeak: number;
  referralPercent: number;
  capacityOveragePerCubicFoot: number;
  inboundPerCubicFoot: number;
  removalPerUnit: number;
  disposalPerUnit: number;
  otherVariablePerUnit: number;
}

export const FEE_FIELDS = [
  'standardOffPeak',
  'standardPeak',
  'oversizeOffPeak',
  'oversizePeak',
  'referralPercent',
  'capacityOveragePerCubicFoot',
  'inboundPerCubicFoot',
  'removalPerUnit',
  'disposalPerUnit',
  'otherVariablePerUnit',
] as const satisfies readonly (keyof FeeForm)[];

/** Floating point: 0.15 × 100 is 15.000000000000002. */
const round = (x: number, digits: number) => Math.round(x * 10 ** digits) / 10 ** digits;

export function feeFormOf(s: FeeRates): FeeForm {
  return {
    standardOffPeak: s.storage.standard.offPeak,
    standardPeak: s.storage.standard.peak,
    oversizeOffPeak: s.storage.oversize.offPeak,
    oversizePeak: s.storage.oversize.peak,
    referralPercent: round(s.referralRate * 100, 4),
    capacityOveragePerCubicFoot: s.capacityOveragePerCubicFoot,
    inboundPerCubicFoot: s.inboundPerCubicFoot,
    removalPerUnit: s.removalPerUnit,
    disposalPerUnit: s.disposalPerUnit,
    otherVariablePerUnit: s.otherVariablePerUnit,
  };
}

/** The PATCH body: only what the form edits, so the rest of the schedule stays as it is. */
export function feePatchOf(form: FeeForm): FeeRatesPatch {
  return {
    storage: {
      standard: { offPeak: form.standardOffPeak, peak: form.standardPeak },
      oversize: { offPeak: form.oversizeOffPeak, peak: form.oversizePeak },
    },
    referralRate: round(form.referralPercent / 100, 6),
    capacityOveragePerCubicFoot: form.capacityOveragePerCubicFoot,
    inboundPerCubicFoot: form.inboundPerCubicFoot,
    removalPerUnit: form.removalPerUnit,
    disposalPerUnit: form.disposalPerUnit,
    otherVariablePerUnit: form.otherVariablePerUnit,
  };
}

/** The schedule a seller most likely wants: their newest own one, else the newest default. */
export function preferredSchedule(schedules: readonly FeeSchedule[]): FeeSchedule | undefined {
  const newest = (list: readonly FeeSchedule[]) =>
    [...list].sort((a, b) => b.effectiveFrom.localeCompare(a.effectiveFrom) || b.id - a.id)[0];
  return newest(schedules.filter((s) => s.source === 'account')) ?? newest(schedules);
}
