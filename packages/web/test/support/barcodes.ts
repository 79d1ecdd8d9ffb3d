import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import bwipjs from 'bwip-js/node';
import { prepareZXingModule, readBarcodes, type ReadInputBarcodeFormat } from 'zxing-wasm/reader';

/**
 * Barcodes for browser tests, both ways: a fake camera's video of a barcode (bwip-js bars written
 * as a Y4M file that Chromium plays as its webcam) and a reader for screenshots of printed labels
 * (ZXing WebAssembly in Node, from the installed package: nothing is fetched).
 */

const require = createRequire(import.meta.url);
prepareZXingModule({
  overrides: { wasmBinary: readFileSync(require.resolve('zxing-wasm/reader/zxing_reader.wasm')).buffer },
});

/** Every barcode ZXing finds in a PNG (or other image file), as text. */
export async function decodeImage(
  image: Uint8Array,
  formats: ReadInputBarcodeFormat[] = [],
): Promise<string[]> {
  const results = await readBarcodes(image, { formats, tryHarder: true });
  return results.filter((r) => r.isValid).map((r) => r.text);
}

/** The bar/space widths (in modules, bar first) of a linear barcode: `ean13` for a GTIN-13, else `code128`. */
function modules(text: string): number[] {
  const bcid = /^\d{13}$/.test(text) ? 'ean13' : 'code128';
  const [symbol] = bwipjs.raw({ bcid, text }) as { sbs?: number[] }[];
  if (!symbol?.sbs) throw new Error(`bwip-js gave no bars for ${bcid} ${text}`);
  return symbol.sbs;
}

/**
 * A Y4M video (4:2:0, a few identical frames; Chromium loops it) showing `text` as a black-on-white
 * barcode with wide quiet zones, for `--use-file-for-fake-video-capture`.
 */
export function writeBarcodeVideo(
  path: string,
  text: string,
  size: { width: number; height: number } = { width: 640, height: 480 },
): void {
  const { width, height } = size;
  const sbs = modules(text);
  const total = sbs.reduce((a, b) => a + b, 0) + 2 * 15;
  const module = Math.max(2, Math.floor((width * 0.9) / total));
  const white = 235;
  const black = 16;
  const luma = Buffer.alloc(width * height, white);
  const barTop = Math.floor(height * 0.25);
  const barBottom = Math.floor(height * 0.75);
  let x = Math.floor((width - (total - 30) * module) / 2);
  sbs.forEach((w, i) => {
    if (i % 2 === 0) {
      for (let y = barTop; y < barBottom; y++) luma.fill(black, y * width + x, y * width + x + w * module);
    }
    x += w * module;
  });
  const chroma = Buffer.alloc((width / 2) * (height / 2), 128);
  const frame = Buffer.concat([Buffer.from('FRAME\n'), luma, chroma, chroma]);
  const header = Buffer.from(`YUV4MPEG2 W${width} H${height} F10:1 Ip A1:1 C420jpeg\n`);
  writeFileSync(path, Buffer.concat([header, frame, frame, frame]));
}

/** Chromium flags that grant camera access without a prompt and play `video` as the camera. */
export function fakeCameraArgs(video: string): string[] {
  return [
    '--use-fake-ui-for-media-stream',
    '--use-fake-device-for-media-stream',
    `--use-file-for-fake-video-capture=${video}`,
  ];
}
