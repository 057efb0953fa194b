import { ChangeDetectionStrategy, Component } from '@angular/core';
import { RouterLink } from '@angular/router';

@Component({
  selector: 'app-not-found',
  imports: [RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="page">
      <section class="lost card" aria-labelledby="not-found-title">
        <p class="code" aria-hidden="true">404</p>
        <h1 id="not-found-title">This page isn’t in the gallery</h1>
        <p class="muted">The address may be mistyped, or the page was moved.</p>
        <a class="btn btn-primary" routerLink="/">Back to the start</a>
      </section>
    </div>
  `,
  styles: `
    .lost {
      display: grid;
      justify-items: center;
      gap: 14px;
      max-width: 560px;
      margin: 0 auto;
      padding-block: 48px;
      text-align: center;
    }
    .code {
      font-family: var(--font-display);
      font-size: 4rem;
      line-height: 1;
      color: var(--accent);
    }
    h1 {
      font-family: var(--font-display);
      font-size: clamp(1.5rem, 4vw, 2rem);
    }
    .btn {
      margin-top: 8px;
    }
  `,
})
export class NotFound {}
