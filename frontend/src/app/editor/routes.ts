import type { Routes } from '@angular/router';

import { ArtworkEditor } from './artwork-editor';
import { editableArtwork } from './editable-album';

/** /a/:id/edit, loaded with the editor so its resolver stays out of the first download. */
export const EDITOR_ROUTES: Routes = [
  {
    path: '',
    title: 'Edit artwork',
    resolve: { album: editableArtwork },
    component: ArtworkEditor,
  },
];
