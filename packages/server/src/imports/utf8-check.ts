import { Transform } from 'node:stream';
import { DomainError } from '@stockwise/domain/errors';

const NEWLINE = 0x0a;

/**
 * A pass-through that refuses bytes which are not UTF-8, naming the line (1-based, as the CSV parser
 * counts them). Without it the parser decodes them to U+FFFD and a Latin-1 or GBK file imports garbled
 * names silently. Each line is decoded on its own with a fatal, streaming decoder: a newline byte never
 * occurs inside a multi-byte sequence, so a sequence split across chunks is still checked whole, and memory
 * stays one chunk whatever the line length.
 */
export function utf8Check(): Transform {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let line = 1;
  const refuse = (error: unknown) =>
    new DomainError('VALIDATION_FAILED', `line ${line} is not valid UTF-8; save the file as UTF-8`, {
      field: `line ${line}`,
      details: { line },
      cause: error,
    });
  return new Transform({
    transform(chunk: Uint8Array | string, _encoding, done) {
      // Text already decoded by the caller has nothing left to check.
      if (typeof chunk === 'string') {
        done(null, chunk);
        return;
      }
      try {
        let start = 0;
        for (let end = chunk.indexOf(NEWLINE); end !== -1; end = chunk.indexOf(NEWLINE, start)) {
          // A call without `stream` ends the line: a sequence cut off by the newline throws here.
          decoder.decode(chunk.subarray(start, end));
          line += 1;
          start = end + 1;
        }
        decoder.decode(chunk.subarray(start), { stream: true });
      } catch (error) {
        done(refuse(error));
        return;
      }
      done(null, chunk);
    },
    flush(done) {
      try {
        decoder.decode();
      } catch (error) {
        done(refuse(error));
        return;
      }
      done();
    },
  });
}
