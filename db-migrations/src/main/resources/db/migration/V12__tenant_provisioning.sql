-- Tenant provisioning (issue #16): a tenant can be suspended (its users cannot sign in, its keys
-- and sessions are refused, its data stays), and a platform key, bound to no tenant and carrying
-- only the scope 'tenants', lets an operator's automation create, suspend and delete tenants.
ALTER TABLE tenant ADD COLUMN suspended_at TIMESTAMPTZ;

ALTER TABLE api_client ALTER COLUMN tenant_id DROP NOT NULL;
ALTER TABLE api_client DROP CONSTRAINT api_client_scopes_check;
ALTER TABLE api_client ADD CONSTRAINT api_client_scopes_check
    CHECK (scopes ~ '^(turns|concepts|dictionary|evaluations|tenants)(,(turns|concepts|dictionary|evaluations|tenants))*$');
-- A platform key has exactly 'tenants'; a tenant's key never has it.
ALTER TABLE api_client ADD CONSTRAINT api_client_platform_key
    CHECK ((tenant_id IS NULL) = (scopes = 'tenants') AND (tenant_id IS NULL OR position('tenants' IN scopes) = 0));
