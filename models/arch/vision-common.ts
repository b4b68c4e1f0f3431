import { ConfigCheck } from '../core/validate.ts';
import { imagePreprocessor } from '../hub/preprocessors.ts';

/**
 * torchvision's _make_divisible (from the TF MobileNet code): round channels
 * to a multiple of `divisor`, never more than 10% below the request.
 */
export function makeDivisible(value: number, divisor = 8): number {
  const rounded = Math.max(divisor, Math.floor((value + divisor / 2) / divisor) * divisor);
  return rounded < 0.9 * value ? rounded + divisor : rounded;
}

/** Checks shared by the classification CNNs. */
export function checkClassifier(model: string, c: { imageSize: number; classes: number; widthMultiplier: number }, totalStride: number): ConfigCheck {
  return new ConfigCheck(model)
    .positive('imageSize', c.imageSize)
    .positive('classes', c.classes)
    .require(c.widthMultiplier > 0, `widthMultiplier must be positive, got ${c.widthMultiplier}`)
    .atLeast('imageSize', c.imageSize, totalStride, `${model} downsamples by ${totalStride}`);
}

/** config.json + preprocessor_config.json for an ImageNet-style classifier. */
export function classifierHubFiles(modelType: string, architecture: string, imageSize: number, classes: number, extra: Record<string, unknown>) {
  return {
    'config.json': {
      model_type: modelType,
      architectures: [architecture],
      num_channels: 3,
      image_size: imageSize,
      num_labels: classes,
      id2label: Object.fromEntries(Array.from({ length: classes }, (_, i) => [String(i), `LABEL_${i}`])),
      label2id: Object.fromEntries(Array.from({ length: classes }, (_, i) => [`LABEL_${i}`, i])),
      ...extra,
    },
    'preprocessor_config.json': imagePreprocessor(imageSize),
  };
}
