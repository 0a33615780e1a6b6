import { useEffect, useRef, useState } from 'react';

interface DetectedBarcode {
  rawValue: string;
}
interface BarcodeDetectorLike {
  detect(source: HTMLVideoElement): Promise<DetectedBarcode[]>;
}
type BarcodeDetectorCtor = new (options: { formats: string[] }) => BarcodeDetectorLike;

const FORMATS = ['ean_13', 'ean_8', 'upc_a', 'upc_e', 'code_128', 'code_39', 'qr_code'];

/**
 * Scans barcodes with the phone's camera: the browser's BarcodeDetector where there is one (Chrome on Android),
 * otherwise ZXing, loaded only when needed. The same code is reported at most once every 2 s.
 */
export function CameraScanner({ onCode, onClose }: { onCode(code: string): void; onClose(): void }) {
  const video = useRef<HTMLVideoElement>(null);
  const [error, setError] = useState<string | null>(null);
  const [engine, setEngine] = useState<string>('starting camera…');
  const onCodeRef = useRef(onCode);
  onCodeRef.current = onCode;

  useEffect(() => {
    let stopped = false;
    let stream: MediaStream | null = null;
    let timer: ReturnType<typeof setTimeout> | null = null;
    let zxingControls: { stop(): void } | null = null;
    let last = { code: '', at: 0 };
    const report = (code: string) => {
      const now = Date.now();
      if (code === last.code && now - last.at < 2000) return;
      last = { code, at: now };
      onCodeRef.current(code);
    };

    (async () => {
      if (!navigator.mediaDevices?.getUserMedia) {
        setError('This browser cannot use the camera here (it needs HTTPS or localhost).');
        return;
      }
      const Detector = (window as unknown as { BarcodeDetector?: BarcodeDetectorCtor }).BarcodeDetector;
      try {
        if (Detector) {
          stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' }, audio: false });
          if (stopped || !video.current) return;
          video.current.srcObject = stream;
          await video.current.play();
          const detector = new Detector({ formats: FORMATS });
          setEngine('BarcodeDetector');
          const tick = async () => {
            if (stopped || !video.current) return;
            try {
              const codes = await detector.detect(video.current);
              if (codes[0]?.rawValue) report(codes[0].rawValue);
            } catch {
              /* a frame that could not be read */
            }
            timer = setTimeout(tick, 250);
          };
          void tick();
        } else {
          const { BrowserMultiFormatReader } = await import('@zxing/browser');
          if (stopped || !video.current) return;
          setEngine('ZXing');
          const reader = new BrowserMultiFormatReader();
          zxingControls = await reader.decodeFromConstraints(
            { video: { facingMode: 'environment' }, audio: false },
            video.current,
            (result) => {
              if (result) report(result.getText());
            },
          );
          if (stopped) zxingControls.stop();
        }
      } catch (e) {
        setError(`Camera unavailable: ${(e as Error).message}`);
      }
    })();

    return () => {
      stopped = true;
      if (timer) clearTimeout(timer);
      zxingControls?.stop();
      stream?.getTracks().forEach((t) => t.stop());
    };
  }, []);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && onClose();
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);

  return (
    <div className="modal-backdrop">
      <div className="modal" role="dialog" aria-modal="true" aria-labelledby="scanner-title">
        <h2 id="scanner-title">Scan with camera</h2>
        {error ? (
          <p className="error" role="alert">
            {error}
          </p>
        ) : (
          <>
            <video ref={video} className="scanner-video" muted playsInline aria-label="Camera preview" />
            <p className="hint">Point the camera at a barcode ({engine}). Each code read is added to the order.</p>
          </>
        )}
        <div className="actions">
          <button type="button" onClick={onClose} autoFocus>
            Close camera
          </button>
        </div>
      </div>
    </div>
  );
}
