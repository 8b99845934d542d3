import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsIn, IsOptional, IsString, Length, MaxLength, MinLength } from 'class-validator';
import { ROLES, type Role } from '../api';

export class LoginDto {
  @ApiProperty({ example: 'admin@meridian.local' })
  @IsEmail()
  @MaxLength(254)
  email: string;

  @ApiProperty({ minLength: 1, maxLength: 256 })
  @IsString()
  @Length(1, 256)
  password: string;
}

export class RefreshDto {
  @ApiProperty({ description: 'The refresh token returned by login or a previous refresh.' })
  @IsString()
  @Length(20, 512)
  refreshToken: string;
}

export class CreateUserDto {
  @ApiProperty()
  @IsEmail()
  @MaxLength(254)
  email: string;

  @ApiProperty({ minLength: 10, description: 'At least 10 characters.' })
  @IsString()
  @MinLength(10)
  @MaxLength(256)
  password: string;

  @ApiProperty({ enum: ROLES })
  @IsIn(ROLES)
  role: Role;
}

export class CreateApiKeyDto {
  @ApiProperty({ example: 'backtest-runner', maxLength: 80 })
  @IsString()
  @Length(1, 80)
  name: string;

  @ApiPropertyOptional({ enum: ROLES, description: 'Defaults to the caller’s role; never above it.' })
  @IsOptional()
  @IsIn(ROLES)
  role?: Role;
}
