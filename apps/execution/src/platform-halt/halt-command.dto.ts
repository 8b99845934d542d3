import { IsBoolean, IsISO8601, IsOptional, IsString, MaxLength } from 'class-validator';
import type { HaltState } from '@meridian/contracts';

/** The halt the gateway persisted, as execution receives it. */
export class HaltCommandDto implements HaltState {
  @IsBoolean() halted: boolean;
  @IsOptional() @IsString() @MaxLength(500) reason: string | null;
  @IsOptional() @IsString() @MaxLength(254) by: string | null;
  @IsOptional() @IsISO8601() at: string | null;
}
