/**
 * preprocessor_config.json contents in the shape transformers.js reads
 * (AutoProcessor picks the class from image_processor_type / feature_extractor_type).
 */

/** ImageNet mean and std, as torchvision and the Xenova vision exports use. */
const IMAGENET_MEAN = [0.485, 0.456, 0.406];
const IMAGENET_STD = [0.229, 0.224, 0.225];

export function imagePreprocessor(imageSize: number, mean = IMAGENET_MEAN, std = IMAGENET_STD): Record<string, unknown> {
  return {
    image_processor_type: 'ViTImageProcessor',
    feature_extractor_type: 'ViTFeatureExtractor',
    do_resize: true,
    size: { height: imageSize, width: imageSize },
    resample: 2,
    do_rescale: true,
    rescale_factor: 1 / 255,
    do_normalize: true,
    image_mean: mean,
    image_std: std,
  };
}

/** CLIP normalises with its own statistics (openai/CLIP clip.py _transform). */
export const CLIP_MEAN = [0.48145466, 0.4578275, 0.40821073];
export const CLIP_STD = [0.26862954, 0.26130258, 0.27577711];

/** Raw waveform input (Wav2Vec2FeatureExtractor): zero-mean unit-variance normalisation. */
export function waveformPreprocessor(): Record<string, unknown> {
  return {
    feature_extractor_type: 'Wav2Vec2FeatureExtractor',
    feature_size: 1,
    sampling_rate: 16000,
    padding_side: 'right',
    padding_value: 0,
    do_normalize: true,
    return_attention_mask: false,
  };
}

/** Log-mel input (WhisperFeatureExtractor): 80 mel bins, 30 s windows of 16 kHz audio. */
export function whisperPreprocessor(melBins: number, frames: number): Record<string, unknown> {
  return {
    feature_extractor_type: 'WhisperFeatureExtractor',
    feature_size: melBins,
    sampling_rate: 16000,
    hop_length: 160,
    chunk_length: (frames * 160) / 16000,
    n_fft: 400,
    n_samples: frames * 160,
    nb_max_frames: frames,
    padding_side: 'right',
    padding_value: 0,
    return_attention_mask: false,
  };
}
