import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { AccessToken, LoginForm, loginFormSchema } from '@mp/contracts';
import { AccessTokenService } from './access-token.service';
import { MediaValidationPipe } from './media-validation.pipe';

/** Seed 003 OAuth2 password flow: form `username`/`password` → `{access_token, token_type: "bearer"}`. */
@Controller('api/v1/login')
export class LoginController {
  constructor(private readonly tokens: AccessTokenService) {}

  @Post('access-token')
  @HttpCode(200)
  login(@Body(new MediaValidationPipe(loginFormSchema)) form: LoginForm): Promise<AccessToken> {
    return this.tokens.login(form.username, form.password);
  }
}
