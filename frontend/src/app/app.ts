import { ChangeDetectionStrategy, Component } from '@angular/core';
import { RouterLink, RouterOutlet } from '@angular/router';

import { SiteHeader } from './shell/site-header';

@Component({
  selector: 'app-root',
  imports: [RouterLink, RouterOutlet, SiteHeader],
  templateUrl: './app.html',
  styleUrl: './app.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class App {}
