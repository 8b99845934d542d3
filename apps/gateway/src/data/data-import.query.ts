import { IsIn, IsOptional, IsString, Length, Matches } from 'class-validator';

export const IMPORT_SYMBOL = /^[A-Za-z0-9._^-]{1,32}$/;
export const IMPORT_FORMATS = ['yahoo', 'generic'] as const;
export const IMPORT_TIMEFRAMES = ['1d'] as const;

/** The query of POST /api/data/import (the CSV itself is the raw body). */
export class DataImportQueryDto {
  @IsString()
  @Matches(IMPORT_SYMBOL, { message: 'symbol must be 1 to 32 letters, digits or . _ ^ - characters' })
  symbol: string;

  @IsOptional() @IsIn(IMPORT_FORMATS) format?: (typeof IMPORT_FORMATS)[number];
  @IsOptional() @IsIn(IMPORT_TIMEFRAMES) timeframe?: (typeof IMPORT_TIMEFRAMES)[number];

  // Column mapping of format=generic: header names (matched ignoring case and surrounding spaces).
  @IsOptional() @IsString() @Length(1, 100) dateColumn?: string;
  @IsOptional() @IsString() @Length(1, 100) openColumn?: string;
  @IsOptional() @IsString() @Length(1, 100) highColumn?: string;
  @IsOptional() @IsString() @Length(1, 100) lowColumn?: string;
  @IsOptional() @IsString() @Length(1, 100) closeColumn?: string;
  @IsOptional() @IsString() @Length(1, 100) volumeColumn?: string;

  /** Skip Yahoo's all-null rows (days without data) instead of refusing the file. */
  @IsOptional() @IsIn(['true', 'false']) skipNullRows?: 'true' | 'false';
}
