/** A short beep (Web Audio oscillator) and a buzz, so a phone user hears and feels each scan. */
let audio: AudioContext | null = null;

export function signal(ok: boolean): void {
  try {
    audio ??= new AudioContext();
    const oscillator = audio.createOscillator();
    const gain = audio.createGain();
    oscillator.type = ok ? 'sine' : 'square';
    oscillator.frequency.value = ok ? 1200 : 220;
    gain.gain.value = 0.1;
    oscillator.connect(gain).connect(audio.destination);
    const now = audio.currentTime;
    oscillator.start(now);
    oscillator.stop(now + (ok ? 0.08 : 0.3));
  } catch {
    // No audio (autoplay policy, old browser): the message on screen still says what happened.
  }
  if (typeof navigator.vibrate === 'function') navigator.vibrate(ok ? 40 : [120, 60, 120]);
}

/** "CODE", "CODE 3" or "CODE*3": a scanner sends just the code; a person may add a quantity. */
export function parseScan(text: string, fallbackQuantity: number): { code: string; quantity: number } | null {
  const trimmed = text.trim();
  if (!trimmed) return null;
  const match = /^(\S+)(?:\s+|\s*\*\s*)(\d{1,7})$/.exec(trimmed);
  if (match?.[1] && match[2]) return { code: match[1], quantity: Math.max(1, Number(match[2])) };
  return { code: trimmed, quantity: fallbackQuantity };
}

export function newScanKey(): string {
  return typeof crypto.randomUUID === 'function'
    ? crypto.randomUUID()
    : `${Date.now()}-${Math.random().toString(36).slice(2)}`;
}
