import { Alert, Button, Stack, Text } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { useI18n } from '../../i18n/i18n-context';
import { IconCamera } from '../common/icons';

/** Why the camera is not scanning; each has its own message, and the typed field keeps working. */
export type CameraProblem = 'denied' | 'noCamera' | 'unsupported' | 'failed';

type Status =
  { kind: 'off' } | { kind: 'starting' } | { kind: 'scanning' } | { kind: 'problem'; problem: CameraProblem };

/** Frames decoded per second: enough to feel instant, light enough for a phone's CPU. */
const FRAME_MS = 150;
/** A code still in view is one scan; it counts again once it has been out of view this long. */
const REPEAT_AFTER_MS = 1500;
/** Wider frames are scaled down before decoding: 1D barcodes read fine at this size, and faster. */
const MAX_WIDTH = 960;

export function cameraProblem(error: unknown): CameraProblem {
  const name = error instanceof DOMException || error instanceof Error ? error.name : '';
  if (name === 'NotAllowedError' || name === 'SecurityError') return 'denied';
  if (name === 'NotFoundError' || name === 'OverconstrainedError') return 'noCamera';
  return 'failed';
}

/**
 * Camera barcode scanning: getUserMedia video, frames drawn to a canvas and decoded by ZXing
 * (WebAssembly, loaded on first use), each new code handed to `onScan` — the same path a
 * keyboard-wedge scanner's Enter takes, so feedback and errors are the page's own.
 */
export function CameraScanner({ onScan }: { onScan: (code: string) => void }) {
  const { t } = useI18n();
  // 0 is off; each start is a new session, so "try again" after a problem restarts the effect.
  const [session, setSession] = useState(0);
  const active = session > 0;
  const [status, setStatus] = useState<Status>({ kind: 'off' });
  const video = useRef<HTMLVideoElement>(null);
  const onScanRef = useRef(onScan);
  useEffect(() => {
    onScanRef.current = onScan;
  }, [onScan]);

  useEffect(() => {
    if (session === 0) return;
    let stopped = false;
    let stream: MediaStream | null = null;
    let timer: number | undefined;
    let element: HTMLVideoElement | null = null;
    const canvas = document.createElement('canvas');
    const context = canvas.getContext('2d', { willReadFrequently: true });
    // The code in view and when it was last seen: holding a barcode in front of the camera is one scan.
    let seen = { code: '', at: 0 };

    const start = async () => {
      if (!navigator.mediaDevices?.getUserMedia || !context) {
        setStatus({ kind: 'problem', problem: 'unsupported' });
        return;
      }
      setStatus({ kind: 'starting' });
      try {
        const [decoder, media] = await Promise.all([
          import('../../lib/barcode/decoder'),
          navigator.mediaDevices.getUserMedia({
            video: { facingMode: { ideal: 'environment' } },
            audio: false,
          }),
        ]);
        stream = media;
        element = video.current;
        if (stopped || !element) return;
        const playing = element;
        playing.srcObject = media;
        await playing.play();
        if (stopped) return;
        setStatus({ kind: 'scanning' });
        const tick = async () => {
          if (stopped) return;
          if (playing.readyState >= playing.HAVE_CURRENT_DATA && playing.videoWidth > 0) {
            const scale = Math.min(1, MAX_WIDTH / playing.videoWidth);
            canvas.width = Math.round(playing.videoWidth * scale);
            canvas.height = Math.round(playing.videoHeight * scale);
            context.drawImage(playing, 0, 0, canvas.width, canvas.height);
            const code = await decoder.decodeFrame(context.getImageData(0, 0, canvas.width, canvas.height));
            const now = Date.now();
            if (code && !stopped) {
              const repeat = code === seen.code && now - seen.at < REPEAT_AFTER_MS;
              seen = { code, at: now };
              if (!repeat) onScanRef.current(code);
            }
          }
          if (!stopped) timer = window.setTimeout(() => void tick(), FRAME_MS);
        };
        void tick();
      } catch (error) {
        if (!stopped) setStatus({ kind: 'problem', problem: cameraProblem(error) });
      }
    };
    void start();
    return () => {
      stopped = true;
      window.clearTimeout(timer);
      for (const track of stream?.getTracks() ?? []) track.stop();
      if (element) element.srcObject = null;
    };
  }, [session]);

  const running = active && (status.kind === 'starting' || status.kind === 'scanning');
  const toggle = () => {
    setStatus({ kind: 'off' });
    setSession(running ? 0 : session + 1);
  };
  return (
    <Stack gap="xs" data-testid="camera-scanner" data-status={status.kind}>
      <Button
        variant={running ? 'light' : 'default'}
        leftSection={<IconCamera />}
        onClick={toggle}
        loading={status.kind === 'starting'}
        data-testid="camera-toggle"
        aria-pressed={running}
      >
        {running ? t('camera.stop') : t('camera.start')}
      </Button>
      {/* Kept in the DOM while active so the stream has somewhere to play; hidden when not running. */}
      {active ? (
        <video
          ref={video}
          muted
          playsInline
          aria-label={t('camera.view')}
          style={{
            width: '100%',
            maxHeight: 320,
            objectFit: 'cover',
            borderRadius: 8,
            background: '#000',
            display: running ? 'block' : 'none',
          }}
        />
      ) : null}
      {status.kind === 'scanning' ? (
        <Text size="sm" c="dimmed" role="status">
          {t('camera.scanning')}
        </Text>
      ) : null}
      {status.kind === 'problem' ? (
        <Alert color="orange" variant="light" role="alert" data-testid="camera-problem">
          {t(`camera.${status.problem}`)}
        </Alert>
      ) : null}
    </Stack>
  );
}
