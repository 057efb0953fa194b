import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { type Stage, imageSrcset } from '@gallery/contracts';

import { stageKindLabel } from '../artwork/stage-kinds';
import { StageImage } from '../artwork/stage-image';

/** Asks to open a stage in the lightbox; focus goes back to `trigger` when it closes. */
export interface EnlargeRequest {
  readonly stageId: string;
  readonly trigger: HTMLElement;
}

/**
 * The stages of an artwork from first to last along a vertical line: kind, number, date, title,
 * the painter's note (plain text; line breaks kept) and the picture, which opens the lightbox.
 */
@Component({
  selector: 'app-timeline',
  imports: [DatePipe, StageImage],
  templateUrl: './timeline.html',
  styleUrl: './timeline.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class Timeline {
  readonly stages = input.required<readonly Stage[]>();
  readonly enlarge = output<EnlargeRequest>();

  protected readonly kindLabel = stageKindLabel;

  protected open(stage: Stage, trigger: HTMLElement): void {
    this.enlarge.emit({ stageId: stage.id, trigger });
  }

  /** Thumbnail and preview with their widths, so the browser picks what the layout needs. */
  protected srcset(stage: Stage): string | null {
    return stage.image ? imageSrcset(stage.image) : null;
  }
}
