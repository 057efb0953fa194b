import { Injectable, computed, signal } from '@angular/core';

import {
  NO_TOOLS,
  type PainterTools,
  type ToolName,
  describeTools,
  toggleTool,
  toolFilter,
  toolForKey,
  toolTransform,
} from './painter-tools';

let instances = 0;

/**
 * Which painter's tools are on for one view (the artwork page, a lightbox), and the CSS that
 * applies them. Provided by that view; its tool bar and pictures share it.
 */
@Injectable()
export class ToolSettings {
  private readonly state = signal<PainterTools>(NO_TOOLS);

  /** Unique per view, so two views' SVG filters never share an id in one document. */
  readonly bandsFilterId = `value-bands-${++instances}`;
  readonly tools = this.state.asReadonly();
  readonly filter = computed(() => toolFilter(this.state(), this.bandsFilterId));
  readonly transform = computed(() => toolTransform(this.state()));
  readonly description = computed(() => describeTools(this.state()));

  toggle(name: ToolName): void {
    this.state.update((tools) => toggleTool(tools, name));
  }

  set(tools: PainterTools): void {
    this.state.set(tools);
  }

  /** Toggles the tool whose key this is; true when the key was used. */
  handleKey(event: KeyboardEvent): boolean {
    const name = toolForKey(event);
    if (!name) {
      return false;
    }
    this.toggle(name);
    return true;
  }
}
