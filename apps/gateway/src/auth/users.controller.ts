import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiBearerAuth, ApiOkResponse, ApiOperation, ApiSecurity, ApiTags } from '@nestjs/swagger';
import { CreateUserDto, PageQueryDto, UserPageDto, UserViewDto } from '@meridian/contracts/dto';
import { RequireRole } from './access.decorators';
import { UsersService } from './users.service';
import { ApiErrors } from '../http/api-docs';

@ApiTags('users')
@ApiBearerAuth()
@ApiSecurity('api-key')
@RequireRole('admin')
@ApiErrors()
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  @ApiOperation({ summary: 'Users (admin)' })
  @ApiOkResponse({ type: UserPageDto })
  list(@Query() q: PageQueryDto) {
    return this.users.list(q.limit ?? 50, q.offset ?? 0);
  }

  @Post()
  @ApiOperation({ summary: 'Create a user with a role (admin)' })
  @ApiCreatedResponse({ type: UserViewDto })
  create(@Body() body: CreateUserDto) {
    return this.users.create(body.email, body.password, body.role);
  }
}
