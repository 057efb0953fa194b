import { Controller, Get, Param } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrors } from '../common/api-errors';
import type { AuthUser } from '../common/auth-user';
import { OptionalUser } from '../common/current-user';
import { ProvenanceKeys } from './provenance-keys';
import { ProvenanceService } from './provenance.service';
import { ProvenanceDto, ProvenanceKeySetDto } from './responses';

@ApiTags('process')
@Controller()
export class ProvenanceController {
  constructor(
    private readonly provenance: ProvenanceService,
    private readonly keys: ProvenanceKeys,
  ) {}

  @Get('albums/:id/provenance')
  @ApiOperation({
    summary: 'Signed record of the process: every stage original, in order (unlisted: owner only)',
  })
  @ApiOkResponse({ type: ProvenanceDto })
  @ApiErrors(404)
  record(@OptionalUser() viewer: AuthUser | null, @Param('id') id: string): Promise<ProvenanceDto> {
    return this.provenance.record(viewer, id);
  }

  @Get('provenance/keys')
  @ApiOperation({ summary: "The instance's provenance public keys (JWK set), retired ones included" })
  @ApiOkResponse({ type: ProvenanceKeySetDto })
  @ApiErrors(429)
  keySet(): ProvenanceKeySetDto {
    return { keys: this.keys.all };
  }
}
