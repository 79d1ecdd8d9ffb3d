import { prepareZXingModule, readBarcodes, type ReadInputBarcodeFormat } from 'zxing-wasm/reader';
// Vite copies the .wasm into dist/assets with a hashed name: Stockwise serves its own reader and
// never fetches it from a CDN (zxing-wasm's default locateFile points at jsDelivr).
import wasmUrl from 'zxing-wasm/reader/zxing_reader.wasm?url';

/**
 * Barcode decoding with ZXing-C++ compiled to WebAssembly. Loaded only when a camera is started
 * (a dynamic import), so the ~1 MB reader never weighs on pages that do not scan.
 */
prepareZXingModule({
  overrides: {
    locateFile: (path: string, prefix: string) => (path.endsWith('.wasm') ? wasmUrl : prefix + path),
  },
});

/** What products and shipments carry: GTINs (EAN/UPC), internal Code 128/39, ITF-14 cases, and 2D labels. */
const FORMATS: ReadInputBarcodeFormat[] = [
  'EAN13',
  'EAN8',
  'UPCA',
  'UPCE',
  'Code128',
  'Code39',
  'ITF',
  'DataMatrix',
  'QRCode',
];

/** The text of the first readable barcode in the frame, or null. */
export async function decodeFrame(image: ImageData): Promise<string | null> {
  const results = await readBarcodes(image, { formats: FORMATS, tryHarder: true, maxNumberOfSymbols: 1 });
  const found = results.find((r) => r.isValid && r.text);
  return found ? found.text : null;
}
