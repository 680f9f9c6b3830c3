-- :checkhealth clio — is clio-ls found, which version, and what knowledge it loads.
local M = {}

function M.check()
  vim.health.start('clio')
  local cmd = (require('clio').config.cmd or { 'clio-ls' })[1]
  if vim.fn.executable(cmd) ~= 1 then
    vim.health.error(cmd .. ' not found on PATH', { 'cargo install --path server (from the Clio repository)', "or set cmd in require('clio').setup({ cmd = { '/path/to/clio-ls' } })" })
    return
  end
  vim.health.ok('found ' .. vim.fn.exepath(cmd))
  local version = vim.fn.system({ cmd, '--version' })
  if vim.v.shell_error == 0 then
    vim.health.ok(vim.trim(version))
  else
    vim.health.error('`' .. cmd .. ' --version` failed: ' .. version)
  end
  local stats = vim.fn.system({ cmd, 'kb', 'stats' })
  if vim.v.shell_error == 0 then
    vim.health.ok(vim.trim(stats))
  else
    vim.health.warn('`' .. cmd .. ' kb stats` failed: ' .. stats)
  end
  local clients = vim.lsp.get_clients({ name = 'clio' })
  if #clients > 0 then
    vim.health.ok(#clients .. ' clio client(s) running')
  else
    vim.health.info('no clio client running (open a markdown, text or tex file)')
  end
end

return M
