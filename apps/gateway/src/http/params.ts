import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length, Matches } from 'class-validator';
import { InvalidInputException } from '@meridian/service-kit';

/** A path id: letters, digits and dashes only, so nothing odd reaches a query. */
export class IdParam {
  @ApiProperty()
  @IsString()
  @Length(1, 64)
  @Matches(/^[A-Za-z0-9-]+$/, { message: 'id must contain only letters, digits and dashes' })
  id: string;
}

/** The page offset of a PageQueryDto: it has no upper bound, PostgreSQL's OFFSET has (a 500 otherwise). */
export function pageOffset(offset: number | undefined): number {
  if (offset !== undefined && !Number.isSafeInteger(offset)) {
    throw new InvalidInputException([{ field: 'offset', rules: { max: `offset must not be greater than ${Number.MAX_SAFE_INTEGER}` } }]);
  }
  return offset ?? 0;
}
