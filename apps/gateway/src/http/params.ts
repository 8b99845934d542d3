import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length, Matches } from 'class-validator';

/** A path id: letters, digits and dashes only, so nothing odd reaches a query. */
export class IdParam {
  @ApiProperty()
  @IsString()
  @Length(1, 64)
  @Matches(/^[A-Za-z0-9-]+$/, { message: 'id must contain only letters, digits and dashes' })
  id: string;
}

