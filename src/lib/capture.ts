/**
 * Inputs from the device itself, where the browser allows: a few seconds from the microphone as
 * a WAV file, or one camera frame as a PNG. Both stop the device as soon as they have it.
 */
import { encodeWav } from '../core/tasks/wav.ts';

function stopAll(stream: MediaStream): void {
  for (const track of stream.getTracks()) track.stop();
}

export async function recordMicrophone(seconds: number): Promise<File> {
  const stream = await navigator.mediaDevices.getUserMedia({ audio: true });
  try {
    const recorder = new MediaRecorder(stream);
    const chunks: Blob[] = [];
    recorder.ondataavailable = (event) => chunks.push(event.data);
    const stopped = new Promise((resolve) => (recorder.onstop = resolve));
    recorder.start();
    await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
    recorder.stop();
    await stopped;
    // decodeAudioData resamples to the context's rate: 16 kHz, what speech models read.
    const context = new AudioContext({ sampleRate: 16000 });
    try {
      const audio = await context.decodeAudioData(await new Blob(chunks).arrayBuffer());
      return new File([encodeWav(audio.getChannelData(0), audio.sampleRate) as Uint8Array<ArrayBuffer>], 'microphone.wav', { type: 'audio/wav' });
    } finally {
      void context.close();
    }
  } finally {
    stopAll(stream);
  }
}

export async function captureCameraFrame(): Promise<File> {
  const stream = await navigator.mediaDevices.getUserMedia({ video: true });
  try {
    const video = document.createElement('video');
    video.srcObject = stream;
    video.muted = true;
    await video.play();
    const canvas = new OffscreenCanvas(video.videoWidth || 640, video.videoHeight || 480);
    canvas.getContext('2d')!.drawImage(video, 0, 0);
    return new File([await canvas.convertToBlob({ type: 'image/png' })], 'camera.png', { type: 'image/png' });
  } finally {
    stopAll(stream);
  }
}
