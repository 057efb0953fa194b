import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';

/** Arrow keys move the divider this far (%); with Shift, or PageUp/PageDown, ten times that. */
const STEP = 2;

/**
 * The handle between the before and after pictures: a slider (0–100 % from the left) that the
 * arrow keys, Home, End and PageUp/PageDown move. Dragging is handled by the box it sits in,
 * so a press anywhere on the pictures moves it there.
 */
@Component({
  selector: 'app-swipe-divider',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: {
    role: 'slider',
    tabindex: '0',
    'aria-label': 'Divider between before and after',
    'aria-valuemin': '0',
    'aria-valuemax': '100',
    'aria-orientation': 'horizontal',
    '[attr.aria-valuenow]': 'value()',
    '[attr.aria-valuetext]': "value() + '% before, ' + (100 - value()) + '% after'",
    '[style.left.%]': 'value()',
    '(keydown)': 'handleKey($event)',
  },
  template: `<span class="grip" aria-hidden="true">
    <svg viewBox="0 0 24 24" width="18" height="18"><path d="M9 6l-5 6 5 6M15 6l5 6-5 6" /></svg>
  </span>`,
  styles: `
    :host {
      position: absolute;
      top: 0;
      bottom: 0;
      z-index: 2;
      width: 44px;
      margin-left: -22px;
      cursor: ew-resize;
      touch-action: none;
    }
    :host::before {
      content: '';
      position: absolute;
      top: 0;
      bottom: 0;
      left: 21px;
      width: 2px;
      background: #fff;
      box-shadow: 0 0 0 1px rgb(0 0 0 / 35%);
    }
    :host(:focus-visible) {
      outline: none;
    }
    :host(:focus-visible) .grip {
      outline: 3px solid var(--focus-ring);
      outline-offset: 2px;
    }
    .grip {
      position: absolute;
      top: 50%;
      left: 50%;
      display: grid;
      place-items: center;
      width: 40px;
      height: 40px;
      border-radius: 50%;
      background: #fff;
      color: #1d1c1a;
      box-shadow: 0 1px 6px rgb(0 0 0 / 40%);
      transform: translate(-50%, -50%);
    }
    svg {
      fill: none;
      stroke: currentColor;
      stroke-width: 2;
      stroke-linecap: round;
      stroke-linejoin: round;
    }
  `,
})
export class SwipeDivider {
  /** % from the left. */
  readonly value = input.required<number>();
  readonly valueChange = output<number>();

  protected handleKey(event: KeyboardEvent): void {
    const big = STEP * 10;
    const value = this.value();
    const step = event.shiftKey ? big : STEP;
    const next =
      event.key === 'ArrowLeft' || event.key === 'ArrowDown'
        ? value - step
        : event.key === 'ArrowRight' || event.key === 'ArrowUp'
          ? value + step
          : event.key === 'PageDown'
            ? value - big
            : event.key === 'PageUp'
              ? value + big
              : event.key === 'Home'
                ? 0
                : event.key === 'End'
                  ? 100
                  : null;
    if (next === null) {
      return;
    }
    event.preventDefault();
    this.valueChange.emit(Math.min(100, Math.max(0, next)));
  }
}
