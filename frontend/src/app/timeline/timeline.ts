import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import type { Stage } from '@gallery/contracts';

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

  /** Widths for srcset: the thumbnail is about 400 px and the preview up to 1600 px on the long side. */
  protected srcset(stage: Stage): string | null {
    const image = stage.image;
    if (!image) {
      return null;
    }
    const long = Math.max(image.width, image.height);
    const across = (edge: number) => Math.max(1, Math.round((image.width * Math.min(edge, long)) / long));
    return `${image.thumbUrl} ${across(400)}w, ${image.previewUrl} ${across(1600)}w`;
  }
}
