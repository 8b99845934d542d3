import { Module, type DynamicModule } from '@nestjs/common';
import { createSecretKey } from 'node:crypto';
import { JwtModule } from '@nestjs/jwt';
import { ApiKeysService } from './api-keys.service';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { UsersController } from './users.controller';
import { UsersService } from './users.service';

@Module({})
export class AuthModule {
  static forRoot(jwtSecret: string): DynamicModule {
    // A key object built once: given the string, jsonwebtoken tries to parse it as a PEM key on
    // every verify first (~0.4 ms of CPU per request; see docs/BENCHMARKS.md).
    const key = createSecretKey(Buffer.from(jwtSecret, 'utf8'));
    return {
      module: AuthModule,
      global: true,
      imports: [JwtModule.register({ secretOrKeyProvider: () => key, signOptions: { algorithm: 'HS256', issuer: 'meridian' }, verifyOptions: { issuer: 'meridian', algorithms: ['HS256'] } })],
      controllers: [AuthController, UsersController],
      providers: [AuthService, UsersService, ApiKeysService],
      exports: [AuthService, UsersService],
    };
  }
}
