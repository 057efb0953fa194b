import { Module } from '@nestjs/common';
import { RenderedPages } from './rendered-pages';
import { ArtworksModule } from '../artworks/artworks.module';
import { UsersModule } from '../users/users.module';
import { LinkPreviews } from './link-previews';
import { WebDelivery } from './web-delivery';

/** The web app, link previews, robots.txt and the sitemap: everything outside /api. */
@Module({
  imports: [ArtworksModule, UsersModule],
  providers: [LinkPreviews, RenderedPages, WebDelivery],
  exports: [WebDelivery],
})
export class WebModule {}
