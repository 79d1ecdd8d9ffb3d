/**
 * The demo seller's fixed network: one FBA US pool, one own warehouse, and suppliers whose lead
 * times are staged (production + transit + ground + check-in) the way sellers actually plan them.
 * Functions return fresh objects so a caller mutating one seller cannot leak into the next.
 */
import type { DemoLocation, DemoSupplier } from './types';

export const FBA = 'FBA-US';
export const WAREHOUSE = 'WH1';

/** Capacities are sized for the default 300-SKU catalogue and scale with catalogue size. */
export function demoLocations(skuCount: number): DemoLocation[] {
  const scaled = (cubicFeet: number): number =>
    Math.max(50, Math.round((cubicFeet * skuCount) / 300 / 50) * 50);
  return [
    {
      code: FBA,
      name: 'Amazon FBA (US network)',
      type: 'amazon_fba',
      marketplace: 'US',
      capacityCubicFeet: { standard: scaled(2500), oversize: scaled(300) },
    },
    {
      code: WAREHOUSE,
      name: 'Ontario, CA warehouse',
      type: 'warehouse',
      capacityCubicFeet: { standard: scaled(6000) },
    },
  ];
}

export function demoSuppliers(): DemoSupplier[] {
  return [
    {
      code: 'SZ-HOME',
      name: 'Shenzhen Brightway Homeware Co., Ltd.',
      email: 'sales@brightway-homeware.example',
      currency: 'USD',
      paymentTermsDays: 30,
      leadTime: { productionDays: 15, transitDays: 25, groundDays: 5, checkInDays: 5 },
      notes: 'FOB Yantian, ocean freight to Long Beach. 30% deposit, balance before shipping.',
    },
    {
      code: 'NB-PET',
      name: 'Ningbo Happy Tail Pet Products Co.',
      email: 'export@happytail-pet.example',
      currency: 'USD',
      paymentTermsDays: 30,
      leadTime: { productionDays: 20, transitDays: 26, groundDays: 5, checkInDays: 5 },
      notes: 'FOB Ningbo. Slower production before Chinese New Year.',
    },
    {
      code: 'YW-TOYS',
      name: 'Yiwu Starlight Toys Factory',
      email: 'orders@starlight-toys.example',
      currency: 'USD',
      paymentTermsDays: 0,
      leadTime: { productionDays: 25, transitDays: 25, groundDays: 5, checkInDays: 5 },
      notes: 'CPC / ASTM F963 test reports on file. Payment before shipping.',
    },
    {
      code: 'DG-ELEC',
      name: 'Dongguan Linktek Electronics Ltd.',
      email: 'biz@linktek-dg.example',
      currency: 'USD',
      paymentTermsDays: 15,
      leadTime: { productionDays: 10, transitDays: 7, groundDays: 3, checkInDays: 4 },
      notes: 'Small, light goods: ships by air express.',
    },
    {
      code: 'LA-APPAREL',
      name: 'Vernon Cut & Sew LLC',
      email: 'production@vernoncutsew.example',
      currency: 'USD',
      paymentTermsDays: 30,
      leadTime: { productionDays: 6, transitDays: 0, groundDays: 2, checkInDays: 3 },
      notes: 'Domestic (Los Angeles). Net 30.',
    },
    {
      code: 'BR-WHOLESALE',
      name: 'Blue Ridge Wholesale Supply',
      email: 'orders@blueridgewholesale.example',
      currency: 'USD',
      paymentTermsDays: 45,
      leadTime: { productionDays: 3, transitDays: 0, groundDays: 4, checkInDays: 3 },
      notes: 'Domestic distributor (North Carolina). Net 45.',
    },
  ];
}

export function totalLeadTimeDays(supplier: DemoSupplier): number {
  const t = supplier.leadTime;
  return t.productionDays + t.transitDays + t.groundDays + t.checkInDays;
}
