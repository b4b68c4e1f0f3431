/**
 * Parameter checks that run before any tensor is allocated, so impossible
 * configurations fail with a sentence instead of a runtime shape error.
 */
export class InvalidConfigError extends Error {
  constructor(
    readonly model: string,
    readonly problems: string[],
  ) {
    super(`${model}: invalid parameters: ${problems.join('; ')}`);
    this.name = 'InvalidConfigError';
  }
}

/** Collects problems; `done` throws if there were any. */
export class ConfigCheck {
  readonly problems: string[] = [];

  constructor(readonly model: string) {}

  positive(label: string, value: number): this {
    if (!Number.isInteger(value) || value <= 0) this.problems.push(`${label} must be a positive integer, got ${value}`);
    return this;
  }

  positiveList(label: string, values: readonly number[]): this {
    if (values.length === 0) this.problems.push(`${label} must not be empty`);
    values.forEach((v, i) => this.positive(`${label}[${i}]`, v));
    return this;
  }

  divides(label: string, divisor: number, dividendLabel: string, dividend: number): this {
    if (divisor > 0 && dividend % divisor !== 0) {
      this.problems.push(`${label} (${divisor}) must divide ${dividendLabel} (${dividend})`);
    }
    return this;
  }

  atLeast(label: string, value: number, minimum: number, why: string): this {
    if (value < minimum) this.problems.push(`${label} ${value} is too small: ${why} (minimum ${minimum})`);
    return this;
  }

  /** A free-form rule: records `message` when `ok` is false. */
  require(ok: boolean, message: string): this {
    if (!ok) this.problems.push(message);
    return this;
  }

  done(): void {
    if (this.problems.length > 0) throw new InvalidConfigError(this.model, this.problems);
  }
}
