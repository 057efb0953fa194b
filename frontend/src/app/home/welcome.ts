import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { RouterLink } from '@angular/router';

import { Session } from '../auth/session';

/** Welcome page; the explore grid of artworks arrives with the artworks themselves. */
@Component({
  selector: 'app-home',
  imports: [RouterLink],
  templateUrl: './home.html',
  styleUrl: './home.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class Home {
  protected readonly session = inject(Session);

  /** The stages a painting passes through, shown as the hero's little timeline. */
  protected readonly stages = [
    { name: 'Sketch', tone: 'sketch' },
    { name: 'Draft', tone: 'draft' },
    { name: 'Colour', tone: 'color' },
    { name: 'Details', tone: 'detail' },
    { name: 'Final', tone: 'final' },
  ] as const;
}
