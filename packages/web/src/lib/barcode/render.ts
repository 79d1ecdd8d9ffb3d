import { code128, drawingSVG, ean13, ean8, upca } from 'bwip-js/browser';
import type { LabelCode, Symbology } from './labels';

/**
 * Barcode drawing with bwip-js (Barcode Writer in Pure PostScript), loaded only by the label page.
 * Named encoders rather than toSVG's lookup table, so the bundle keeps just these four symbologies.
 */
const ENCODERS = { ean13, upca, ean8, code128 } satisfies Record<Symbology, unknown>;

/**
 * An SVG (viewBox only, so it scales to its box) with a white background and a quiet zone of 12
 * modules each side — more than Code 128's 10 and EAN-13's 11 — so scanners find the edges.
 */
export function barcodeSvg(code: LabelCode): string {
  return ENCODERS[code.bcid](
    {
      bcid: code.bcid,
      text: code.text,
      scale: 1,
      height: 10,
      includetext: true,
      textxalign: 'center',
      paddingwidth: 12,
      paddingheight: 2,
      backgroundcolor: 'FFFFFF',
    },
    drawingSVG(),
  );
}
