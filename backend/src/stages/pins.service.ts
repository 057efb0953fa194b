import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository, type EntityManager } from 'typeorm';
import type { CreatePinDto, UpdatePinDto } from './dto';
import { PinEntity } from './pin.entity';
import { StageErrors } from './stage.errors';

/** Pins of stages. Access (the painter's own artwork, the stage in it) is checked by the caller. */
@Injectable()
export class PinsService {
  constructor(@InjectRepository(PinEntity) private readonly pins: Repository<PinEntity>) {}

  create(stageId: string, dto: CreatePinDto): Promise<PinEntity> {
    return this.pins.save(this.pins.create({ stageId, x: dto.x, y: dto.y, body: dto.body }));
  }

  async update(stageId: string, pinId: string, dto: UpdatePinDto): Promise<PinEntity> {
    const pin = await this.find(stageId, pinId);
    if (dto.x !== undefined) pin.x = dto.x;
    if (dto.y !== undefined) pin.y = dto.y;
    if (dto.body !== undefined) pin.body = dto.body;
    return this.pins.save(pin);
  }

  async remove(stageId: string, pinId: string): Promise<void> {
    const result = await this.pins.delete({ id: pinId, stageId });
    if (!result.affected) throw StageErrors.pinNotFound();
  }

  /** The pins of each stage, oldest first; stages without pins are absent. */
  async byStage(
    stageIds: string[],
    db: EntityManager = this.pins.manager,
  ): Promise<Map<string, PinEntity[]>> {
    const byStage = new Map<string, PinEntity[]>();
    if (!stageIds.length) return byStage;
    const pins = await db.find(PinEntity, {
      where: { stageId: In(stageIds) },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
    for (const pin of pins) {
      const list = byStage.get(pin.stageId);
      if (list) list.push(pin);
      else byStage.set(pin.stageId, [pin]);
    }
    return byStage;
  }

  private async find(stageId: string, pinId: string): Promise<PinEntity> {
    const pin = await this.pins.findOneBy({ id: pinId, stageId });
    if (!pin) throw StageErrors.pinNotFound();
    return pin;
  }
}
