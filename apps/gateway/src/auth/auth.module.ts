import { Module, type DynamicModule } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { ApiKeysService } from './api-keys.service';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { UsersController } from './users.controller';
import { UsersService } from './users.service';

@Module({})
export class AuthModule {
  static forRoot(jwtSecret: string): DynamicModule {
    return {
      module: AuthModule,
      global: true,
      imports: [JwtModule.register({ secret: jwtSecret, signOptions: { algorithm: 'HS256', issuer: 'meridian' }, verifyOptions: { issuer: 'meridian' } })],
      controllers: [AuthController, UsersController],
      providers: [AuthService, UsersService, ApiKeysService],
      exports: [AuthService, UsersService],
    };
  }
}
