import type { Routes } from '@angular/router';

import { adminGuard, signedInGuard, signedOutGuard } from './auth/guards';

export const routes: Routes = [
  {
    path: '',
    pathMatch: 'full',
    loadComponent: () => import('./explore/explore-page').then((m) => m.ExplorePage),
  },
  {
    path: 'search',
    title: 'Search',
    loadComponent: () => import('./search/search-page').then((m) => m.SearchPage),
  },
  {
    path: 'lookup',
    title: 'Where is this image from?',
    loadComponent: () => import('./lookup/lookup-page').then((m) => m.LookupPage),
  },
  {
    path: 'favorites',
    title: 'Favourites',
    canActivate: [signedInGuard],
    loadComponent: () => import('./favorites/favorites-page').then((m) => m.FavoritesPage),
  },
  {
    path: 'register',
    title: 'Join',
    canActivate: [signedOutGuard],
    loadComponent: () => import('./auth/register').then((m) => m.Register),
  },
  {
    path: 'login',
    title: 'Sign in',
    canActivate: [signedOutGuard],
    loadComponent: () => import('./auth/login').then((m) => m.Login),
  },
  {
    path: 'u/:username',
    title: (route) => `@${route.paramMap.get('username') ?? ''}`,
    loadComponent: () => import('./painter/painter-page').then((m) => m.PainterPage),
  },
  {
    path: 'new',
    title: 'New artwork',
    canActivate: [signedInGuard],
    loadComponent: () => import('./new-artwork/new-artwork').then((m) => m.NewArtwork),
  },
  {
    path: 'a/:id/edit',
    loadChildren: () => import('./editor/routes').then((m) => m.EDITOR_ROUTES),
  },
  {
    path: 'a/:id',
    title: 'Artwork',
    loadComponent: () => import('./timeline/artwork-page').then((m) => m.ArtworkPage),
  },
  {
    path: 's/:code',
    title: 'Artwork',
    loadComponent: () => import('./timeline/artwork-page').then((m) => m.ArtworkPage),
  },
  {
    path: 'settings',
    title: 'Settings',
    canActivate: [signedInGuard],
    loadComponent: () => import('./settings/settings').then((m) => m.Settings),
  },
  {
    path: 'notifications',
    title: 'Notifications',
    canActivate: [signedInGuard],
    loadComponent: () => import('./notifications/notifications-page').then((m) => m.NotificationsPage),
  },
  {
    path: 'admin',
    title: 'Admin',
    canActivate: [adminGuard],
    loadComponent: () => import('./admin/admin-page').then((m) => m.AdminPage),
  },
  {
    path: 'chat',
    title: 'Chat',
    canActivate: [signedInGuard],
    loadChildren: () => import('./chat/routes').then((m) => m.CHAT_ROUTES),
  },
  {
    path: '**',
    title: 'Not found',
    loadComponent: () => import('./not-found/not-found').then((m) => m.NotFound),
  },
];
