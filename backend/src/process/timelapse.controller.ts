import { Controller, Get, Header, Param } from '@nestjs/common';
import { ApiExcludeEndpoint, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrors } from '../common/api-errors';
import type { AuthUser } from '../common/auth-user';
import { OptionalUser } from '../common/current-user';
import { ArtworksService } from '../artworks/artworks.service';
import { AppConfig } from '../config/app-config';
import { TimelapseDto } from './responses';
import { Timelapses } from './timelapses';

const escape = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

@ApiTags('process')
@Controller()
export class TimelapseController {
  constructor(
    private readonly albums: ArtworksService,
    private readonly films: Timelapses,
    private readonly config: AppConfig,
  ) {}

  @Get('albums/:id/timelapse')
  @ApiOperation({
    summary: 'The process film of the artwork (animated WebP and poster; unlisted: owner only)',
  })
  @ApiOkResponse({ type: TimelapseDto })
  @ApiErrors(404)
  async get(@OptionalUser() viewer: AuthUser | null, @Param('id') id: string): Promise<TimelapseDto> {
    const album = await this.albums.findVisibleOrThrow(viewer, id);
    return this.films.present(await this.films.find(album.id));
  }

  /** /api/embed/a/:id — a minimal page with the film and a link back, for iframes elsewhere. */
  @Get('embed/a/:id')
  @ApiExcludeEndpoint()
  @Header('Content-Type', 'text/html; charset=utf-8')
  async embed(@Param('id') id: string): Promise<string> {
    const album = await this.albums.findVisibleOrThrow(null, id);
    const film = this.films.present(await this.films.find(album.id));
    const title = escape(album.title);
    const link = `${this.config.publicUrl}/a/${encodeURIComponent(album.id)}`;
    const media = film.url
      ? `<img src="${escape(film.url)}" alt="The process of ${title}, stage by stage" width="${film.width}" height="${film.height}">`
      : '<p>The process film is not ready yet.</p>';
    return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<title>${title} — the process</title><style>body{margin:0;background:#111;color:#eee;font:14px system-ui;text-align:center}img{max-width:100%;height:auto;display:block;margin:0 auto}a{color:#9cf}</style></head>
<body>${media}<p><a href="${escape(link)}" target="_blank" rel="noopener">${title} by ${escape(album.owner.displayName || album.owner.username)} on Gallery</a></p></body></html>`;
  }
}
