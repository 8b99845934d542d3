import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiSecurity, ApiTags } from '@nestjs/swagger';
import { CreateUserDto, PageQueryDto } from '@meridian/contracts/dto';
import { RequireRole } from './access.decorators';
import { UsersService } from './users.service';

@ApiTags('users')
@ApiBearerAuth()
@ApiSecurity('api-key')
@RequireRole('admin')
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  @ApiOperation({ summary: 'Users (admin)' })
  list(@Query() q: PageQueryDto) {
    return this.users.list(q.limit ?? 50, q.offset ?? 0);
  }

  @Post()
  @ApiOperation({ summary: 'Create a user with a role (admin)' })
  create(@Body() body: CreateUserDto) {
    return this.users.create(body.email, body.password, body.role);
  }
}
