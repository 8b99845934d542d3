import { applyDecorators } from '@nestjs/common';
import { ApiBadRequestResponse, ApiForbiddenResponse, ApiServiceUnavailableResponse, ApiTooManyRequestsResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { ApiErrorDto } from '@meridian/contracts/dto';

/** The error answers every authenticated route can give, in the one error format. */
export const ApiErrors = () =>
  applyDecorators(
    ApiBadRequestResponse({ type: ApiErrorDto, description: 'Invalid input: each field and the rule it broke' }),
    ApiUnauthorizedResponse({ type: ApiErrorDto, description: 'No or invalid credentials' }),
    ApiForbiddenResponse({ type: ApiErrorDto, description: 'The role is not enough' }),
    ApiTooManyRequestsResponse({ type: ApiErrorDto, description: 'Rate limit' }),
    ApiServiceUnavailableResponse({ type: ApiErrorDto, description: 'A service is down (named in `service`), or maintenance' }),
  );
