import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';

import { hueName } from './explore-state';

/** Where the thumb rests while no colour is chosen: the middle, so both ends are one move away. */
const RESTING_HUE = 180;

/**
 * A rainbow to pick a colour from (hue 0–359), with "No colour filter" to go back to every
 * colour. Emits every move; the page decides how often to act on them.
 */
@Component({
  selector: 'app-hue-slider',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: {
    '[class.unset]': 'hue() === null',
    '[style.--picked]': 'swatch()',
  },
  template: `
    <label class="label" for="explore-hue">Colour</label>
    <input
      #range
      id="explore-hue"
      type="range"
      min="0"
      max="359"
      step="1"
      [value]="hue() ?? resting"
      [attr.aria-valuetext]="valueText()"
      (input)="pick.emit(range.valueAsNumber)"
      (pointerup)="pickResting(range.valueAsNumber)"
    />
    <span class="picked" aria-hidden="true">
      <span class="swatch"></span>
      {{ hue() === null ? 'Any colour' : name() }}
    </span>
    <button type="button" class="btn btn-quiet reset" [disabled]="hue() === null" (click)="clear.emit()">
      No colour filter
    </button>
  `,
  styleUrl: './hue-slider.css',
})
export class HueSlider {
  /** The chosen hue, or null for every colour. */
  readonly hue = input.required<number | null>();
  readonly pick = output<number>();
  readonly clear = output<void>();

  protected readonly resting = RESTING_HUE;
  protected readonly name = computed(() => {
    const hue = this.hue();
    return hue === null ? '' : hueName(hue);
  });
  protected readonly valueText = computed(() => {
    const hue = this.hue();
    return hue === null ? 'No colour filter' : `${hueName(hue)}, ${hue} degrees`;
  });
  protected readonly swatch = computed(() => {
    const hue = this.hue();
    return hue === null ? null : `hsl(${hue} 80% 52%)`;
  });

  /** A click on the thumb where it rests changes no value, so no input event says so. */
  protected pickResting(value: number): void {
    if (this.hue() === null) {
      this.pick.emit(value);
    }
  }
}
