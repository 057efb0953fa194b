import type { Routes } from '@angular/router';

import { ChatPage } from './chat-page';
import { ChatStart } from './chat-start';
import { ConversationView } from './conversation-view';

/** /chat and /chat/:id: the list beside the open conversation (one or the other on phones). */
export const CHAT_ROUTES: Routes = [
  {
    path: '',
    component: ChatPage,
    children: [
      { path: '', component: ChatStart },
      { path: ':id', component: ConversationView },
    ],
  },
];
