import { describe, expect, it } from 'vitest';
import { addDeltas, planMovement, planShipmentRedate } from './movement-rules';

describe('planShipmentRedate (docs/decisions.md 53)', () => {
  it('takes the units back at the recorded instant and out at the reported one: the balance does not move', () => {
    const { from, to } = planShipmentRedate(3);
    expect(from).toEqual({ onHand: 3, reserved: 0, inbound: 0, unfulfillable: 0 });
    expect(to).toEqual({ onHand: -3, reserved: 0, inbound: 0, unfulfillable: 0 });
    const shipped = planMovement({ type: 'shipment', quantity: 3 })[0]!.deltas;
    expect(addDeltas(addDeltas(shipped, from), to)).toEqual(shipped);
  });

  it('refuses a quantity that is not a positive whole number', () => {
    expect(() => planShipmentRedate(0)).toThrow(/positive whole number/);
    expect(() => planShipmentRedate(1.5)).toThrow(/positive whole number/);
  });
});
