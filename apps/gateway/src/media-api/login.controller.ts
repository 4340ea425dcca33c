import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { AccessToken, LoginForm, loginFormSchema } from '@mp/contracts';
import { AccessTokenService } from './access-token.service';
import { MediaValidationPipe } from './media-validation.pipe';
import { Dialect } from '../dialects/dialect.decorator';
import { MEDIA_API_DIALECT } from './media-api.dialect';

/** Seed 003 OAuth2 password flow: form `username`/`password` → `{access_token, token_type: "bearer"}`. */
@Controller('api/v1/login')
@Dialect(MEDIA_API_DIALECT, { authenticate: false })
export class LoginController {
  constructor(private readonly tokens: AccessTokenService) {}

  @Post('access-token')
  @HttpCode(200)
  login(@Body(new MediaValidationPipe(loginFormSchema)) form: LoginForm): Promise<AccessToken> {
    return this.tokens.login(form.username, form.password);
  }
}
