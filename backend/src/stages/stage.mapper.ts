import { Injectable } from '@nestjs/common';
import type { Image, Pin, Stage } from '@gallery/contracts';
import { MediaStorage } from '../storage/media-storage';
import type { PinEntity } from './pin.entity';
import type { StageEntity } from './stage.entity';

/** The columns of a stage that make its image; a card query selects just these. */
export type ImageColumns = Pick<
  StageEntity,
  | 'status'
  | 'thumbKey'
  | 'previewKey'
  | 'width'
  | 'height'
  | 'placeholder'
  | 'tilesKey'
  | 'tilesWidth'
  | 'tilesHeight'
>;

/** The stage columns a Stage is made of: an entity, or a plain row with ISO dates (artwork-rows). */
export type StageView = Pick<
  StageEntity,
  | 'id'
  | 'position'
  | 'kind'
  | 'title'
  | 'note'
  | 'status'
  | 'error'
  | 'thumbKey'
  | 'previewKey'
  | 'width'
  | 'height'
  | 'placeholder'
  | 'colors'
  | 'tilesKey'
  | 'tilesWidth'
  | 'tilesHeight'
> & { createdAt: Date | string };

/** Stage rows to API shapes. */
@Injectable()
export class StageMapper {
  constructor(private readonly storage: MediaStorage) {}

  /** The viewable image of a ready stage, else null. */
  image(stage: ImageColumns | undefined | null): Image | null {
    if (!stage || stage.status !== 'ready' || !stage.thumbKey || !stage.previewKey) return null;
    return {
      thumbUrl: this.storage.url(stage.thumbKey),
      previewUrl: this.storage.url(stage.previewKey),
      width: stage.width,
      height: stage.height,
      placeholder: stage.placeholder,
      tiles: stage.tilesKey
        ? {
            url: this.storage.url(stage.tilesKey),
            format: 'dzi',
            width: Number(stage.tilesWidth),
            height: Number(stage.tilesHeight),
          }
        : null,
    };
  }

  /** `pins`: the stage's pins, oldest first (PinsService.byStage). */
  stage(stage: StageView, pins: PinEntity[] | undefined): Stage {
    return {
      id: stage.id,
      position: stage.position,
      kind: stage.kind,
      title: stage.title,
      note: stage.note,
      status: stage.status,
      error: stage.error,
      image: this.image(stage),
      colors: stage.colors ?? [],
      pins: (pins ?? []).map((p) => this.pin(p)),
      createdAt: typeof stage.createdAt === 'string' ? stage.createdAt : stage.createdAt.toISOString(),
    };
  }

  pin(pin: PinEntity): Pin {
    return {
      id: pin.id,
      stageId: pin.stageId,
      x: Number(pin.x),
      y: Number(pin.y),
      body: pin.body,
      createdAt: pin.createdAt.toISOString(),
    };
  }
}
