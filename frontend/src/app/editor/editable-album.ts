import { inject } from '@angular/core';
import { type ResolveFn, RedirectCommand, Router } from '@angular/router';
import type { Artwork } from '@gallery/contracts';
import { firstValueFrom } from 'rxjs';

import { Artworks } from '../artwork/artworks';
import { Session } from '../auth/session';

/**
 * The artwork for /a/:id/edit, for its painter only. Everyone else — other painters, visitors,
 * and anyone asking for an artwork that is not there — is sent to /a/:id, which explains.
 */
export const editableArtwork: ResolveFn<Artwork> = async (route) => {
  const router = inject(Router);
  const artworks = inject(Artworks);
  const id = route.paramMap.get('id') ?? '';
  const toArtworkPage = new RedirectCommand(router.createUrlTree(['/a', id]), { replaceUrl: true });
  const username = inject(Session).username();
  if (!username) {
    return toArtworkPage;
  }
  try {
    const album = await firstValueFrom(artworks.get(id));
    return album.owner.username === username ? album : toArtworkPage;
  } catch {
    return toArtworkPage;
  }
};
