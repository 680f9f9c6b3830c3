-- :checkhealth clio — the Neovim version, whether clio-ls is found, which version, and what knowledge it loads.
local M = {}

function M.check()
  vim.health.start('clio')
  local v = vim.version()
  if vim.fn.has('nvim-0.11') == 1 then
    vim.health.ok(('Neovim %d.%d.%d'):format(v.major, v.minor, v.patch))
  else
    vim.health.error(('Neovim %d.%d.%d: Clio needs 0.11 or newer (vim.lsp.config / vim.lsp.enable)'):format(v.major, v.minor, v.patch))
    return
  end
  local cmd = require('clio').cmd()[1]
  if vim.fn.executable(cmd) ~= 1 then
    vim.health.error(cmd .. ' not found on PATH', {
      'cargo install --path server (from the Clio repository)',
      "or vim.lsp.config('clio', { cmd = { '/path/to/clio-ls' } })",
    })
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
    vim.health.info('no clio client running (open a Markdown, LaTeX or text file)')
  end
end

return M
