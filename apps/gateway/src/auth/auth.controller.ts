import { Body, Controller, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiBearerAuth, ApiNoContentResponse, ApiOperation, ApiSecurity, ApiTags } from '@nestjs/swagger';
import { Throttle } from '@nestjs/throttler';
import type { Principal } from '@meridian/contracts';
import { ApiKeyViewDto, CreateApiKeyDto, CreatedApiKeyDto, CurrentUserDto, LoginDto, RefreshDto, TokenPairDto } from '@meridian/contracts/dto';
import { CurrentPrincipal, Public } from './access.decorators';
import { ApiKeysService } from './api-keys.service';
import { AuthService } from './auth.service';
import { UsersService, toUserView } from './users.service';
import { IdParam } from '../http/params';
import { ApiErrors } from '../http/api-docs';

@ApiTags('auth')
@ApiErrors()
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService, private readonly users: UsersService, private readonly apiKeys: ApiKeysService) {}

  @Public()
  @Throttle({ default: { limit: 10, ttl: 60_000 } })
  @Post('login')
  @HttpCode(200)
  @ApiOperation({ summary: 'Log in: a short-lived access token (JWT) and a refresh token' })
  @ApiOkResponse({ type: TokenPairDto })
  login(@Body() body: LoginDto) {
    return this.auth.login(body.email, body.password);
  }

  @Public()
  @Throttle({ default: { limit: 30, ttl: 60_000 } })
  @Post('refresh')
  @HttpCode(200)
  @ApiOperation({ summary: 'Trade a refresh token for a new pair (the old one stops working)' })
  @ApiOkResponse({ type: TokenPairDto })
  refresh(@Body() body: RefreshDto) {
    return this.auth.refresh(body.refreshToken);
  }

  @Public()
  @Post('logout')
  @HttpCode(204)
  @ApiOperation({ summary: 'Revoke a refresh token' })
  @ApiNoContentResponse({ description: 'Revoked (also when it was unknown or already revoked)' })
  async logout(@Body() body: RefreshDto) {
    await this.auth.logout(body.refreshToken);
  }

  @ApiBearerAuth()
  @ApiSecurity('api-key')
  @Get('me')
  @ApiOperation({ summary: 'Who the credential belongs to' })
  @ApiOkResponse({ type: CurrentUserDto })
  async me(@CurrentPrincipal() principal: Principal) {
    return { ...toUserView(await this.users.get(principal.userId)), via: principal.kind, role: principal.role };
  }

  @ApiBearerAuth()
  @ApiSecurity('api-key')
  @Get('api-keys')
  @ApiOperation({ summary: 'API keys you own (admins: all)' })
  @ApiOkResponse({ type: [ApiKeyViewDto] })
  listKeys(@CurrentPrincipal() principal: Principal) {
    return this.apiKeys.list(principal);
  }

  @ApiBearerAuth()
  @Post('api-keys')
  @ApiOperation({ summary: 'Create an API key for integrations; the key is shown once' })
  @ApiCreatedResponse({ type: CreatedApiKeyDto })
  createKey(@CurrentPrincipal() principal: Principal, @Body() body: CreateApiKeyDto) {
    return this.apiKeys.create(principal, body.name, body.role);
  }

  @ApiBearerAuth()
  @Delete('api-keys/:id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Revoke an API key' })
  @ApiNoContentResponse({ description: 'Revoked' })
  async revokeKey(@CurrentPrincipal() principal: Principal, @Param() params: IdParam) {
    await this.apiKeys.revoke(principal, params.id);
  }
}
