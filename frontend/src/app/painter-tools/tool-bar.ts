import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';

import { LUMINANCE_MATRIX, TOOL_KEYS, type ToolName, bandTable } from './painter-tools';
import { ToolSettings } from './tool-settings';

interface ToolButton {
  readonly name: ToolName;
  readonly label: string;
  readonly pressed: boolean;
}

/**
 * Toggle buttons for the painter's tools of the view that provides {@link ToolSettings}, and
 * the SVG filter the value bands need (it must be in the document for `url(#…)` to find it).
 */
@Component({
  selector: 'app-tool-bar',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { role: 'toolbar', 'aria-label': 'Painter’s tools' },
  template: `
    @for (button of buttons(); track button.name) {
      <button
        type="button"
        class="tool"
        [attr.aria-pressed]="button.pressed"
        [attr.aria-keyshortcuts]="keys[button.name].toUpperCase()"
        [title]="button.label + ' (' + keys[button.name].toUpperCase() + ')'"
        (click)="settings.toggle(button.name)"
      >
        {{ button.label }}<kbd aria-hidden="true">{{ keys[button.name].toUpperCase() }}</kbd>
      </button>
    }
    <span class="visually-hidden" role="status">{{ settings.description() }}</span>
    <svg class="defs" width="0" height="0" aria-hidden="true" focusable="false">
      <filter [attr.id]="settings.bandsFilterId" color-interpolation-filters="sRGB">
        <feColorMatrix type="matrix" [attr.values]="luminance" />
        <feComponentTransfer>
          <feFuncR type="discrete" [attr.tableValues]="table()" />
          <feFuncG type="discrete" [attr.tableValues]="table()" />
          <feFuncB type="discrete" [attr.tableValues]="table()" />
        </feComponentTransfer>
      </filter>
    </svg>
  `,
  styles: `
    :host {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 6px;
    }
    .tool {
      display: inline-flex;
      align-items: center;
      gap: 6px;
      min-height: 36px;
      padding: 0 10px 0 12px;
      border: 1px solid var(--tool-border, var(--border-strong));
      border-radius: 999px;
      background: var(--tool-bg, var(--surface));
      color: inherit;
      font: inherit;
      font-size: 0.85rem;
      font-weight: 560;
      cursor: pointer;
    }
    .tool:hover {
      border-color: var(--tool-hover, var(--text-muted));
    }
    .tool:focus-visible {
      border-radius: 999px;
    }
    .tool[aria-pressed='true'] {
      border-color: var(--tool-on, var(--accent));
      background: var(--tool-on-bg, var(--accent-soft));
    }
    kbd {
      min-width: 1.5em;
      padding: 0 4px;
      border: 1px solid currentColor;
      border-radius: 4px;
      font: inherit;
      font-size: 0.72rem;
      line-height: 1.4;
      text-align: center;
      opacity: 0.65;
    }
    /* Phones: one row that scrolls sideways, and no key hints (there is rarely a keyboard). */
    @media (max-width: 599px) {
      :host {
        flex-wrap: nowrap;
        overflow-x: auto;
        scrollbar-width: none;
      }
      .tool {
        flex: none;
      }
      kbd {
        display: none;
      }
    }
    .defs {
      position: absolute;
      width: 0;
      height: 0;
      overflow: hidden;
    }
  `,
})
export class ToolBar {
  protected readonly settings = inject(ToolSettings);
  protected readonly keys = TOOL_KEYS;
  protected readonly luminance = LUMINANCE_MATRIX;
  /** Three levels when the bands are off, so the filter is always valid. */
  protected readonly table = computed(() => bandTable(this.settings.tools().bands || 3));
  protected readonly buttons = computed((): ToolButton[] => {
    const tools = this.settings.tools();
    return [
      { name: 'greyscale', label: 'Greyscale', pressed: tools.greyscale },
      { name: 'mirror', label: 'Mirror', pressed: tools.mirror },
      { name: 'squint', label: 'Squint', pressed: tools.squint },
      {
        name: 'bands',
        label: tools.bands ? `Values: ${tools.bands}` : 'Values',
        pressed: tools.bands > 0,
      },
    ];
  });
}
