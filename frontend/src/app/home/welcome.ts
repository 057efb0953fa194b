import { ChangeDetectionStrategy, Component } from '@angular/core';
import { RouterLink } from '@angular/router';

/**
 * The short welcome visitors who are not signed in see above Explore: what Gallery is, a little
 * timeline of a painting's stages, and the way in.
 */
@Component({
  selector: 'app-welcome',
  imports: [RouterLink],
  templateUrl: './welcome.html',
  styleUrl: './welcome.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class Welcome {
  /** The stages a painting passes through, shown as the hero's little timeline. */
  protected readonly stages = [
    { name: 'Sketch', tone: 'sketch' },
    { name: 'Draft', tone: 'draft' },
    { name: 'Colour', tone: 'color' },
    { name: 'Details', tone: 'detail' },
    { name: 'Final', tone: 'final' },
  ] as const;
}
