-- Clio for Neovim 0.11+: setup(opts) for plugin managers, code-lens refresh, and look-ups in a floating window.
local M = {}

local defaults = {
  cmd = nil, -- e.g. { '/path/to/clio-ls' }; nil keeps lsp/clio.lua's { 'clio-ls' }
  filetypes = nil, -- nil keeps lsp/clio.lua's list
  settings = nil, -- a `clio` table (or { clio = ... }), merged over lsp/clio.lua's defaults
  codelens = true, -- keep the argument-balance lens fresh
}

M.config = vim.deepcopy(defaults)

local function supported()
  return vim.fn.has('nvim-0.11') == 1
end

--- The command that starts the server, as configured (for :checkhealth).
function M.cmd()
  if M.config.cmd then
    return M.config.cmd
  end
  local cfg = vim.lsp.config and vim.lsp.config.clio
  return (cfg and type(cfg.cmd) == 'table' and cfg.cmd) or { 'clio-ls' }
end

--- Optional: configures and enables Clio in one call (what lazy.nvim's `opts` feed). Plain
--- `vim.lsp.enable('clio')` does the same with lsp/clio.lua's defaults.
function M.setup(opts)
  if not supported() then
    vim.notify('clio: Neovim 0.11 or newer is needed (vim.lsp.config / vim.lsp.enable)', vim.log.levels.ERROR)
    return
  end
  M.config = vim.tbl_deep_extend('force', vim.deepcopy(defaults), opts or {})
  local override = {}
  if M.config.cmd then
    override.cmd = M.config.cmd
  end
  if M.config.filetypes then
    override.filetypes = M.config.filetypes
  end
  if M.config.settings then
    override.settings = { clio = M.config.settings.clio or M.config.settings }
  end
  vim.lsp.config('clio', override)
  vim.lsp.enable('clio')
end

--- Asks the server for fresh code lenses in `bufnr` (the balance lens follows the essay's edits).
function M.refresh_codelens(bufnr)
  if not M.config.codelens then
    return
  end
  for _, client in ipairs(vim.lsp.get_clients({ bufnr = bufnr, name = 'clio' })) do
    if client:supports_method('textDocument/codeLens') then
      vim.lsp.codelens.refresh({ bufnr = bufnr })
      return
    end
  end
end

--- Called on LspAttach for a clio client (plugin/clio.lua): lenses now and after every edit.
function M.on_attach(bufnr)
  M.refresh_codelens(bufnr)
  local group = vim.api.nvim_create_augroup('clio_codelens_' .. bufnr, { clear = true })
  vim.api.nvim_create_autocmd({ 'BufEnter', 'InsertLeave', 'TextChanged' }, {
    group = group,
    buffer = bufnr,
    callback = function()
      M.refresh_codelens(bufnr)
    end,
  })
end

--- The clio clients to ask: those of `bufnr` first, else any running one.
local function clients_for(bufnr)
  local here = vim.lsp.get_clients({ bufnr = bufnr, name = 'clio' })
  return #here > 0 and here or vim.lsp.get_clients({ name = 'clio' })
end

--- The card's Markdown for `name` (a person, body, event, term or year), or nil and why not.
---@return string?, string?
function M.card(name, bufnr)
  bufnr = bufnr or vim.api.nvim_get_current_buf()
  local clients = clients_for(bufnr)
  if #clients == 0 then
    return nil, 'clio: no clio-ls is running (open a Markdown, LaTeX or text file first; see :checkhealth clio)'
  end
  for _, client in ipairs(clients) do
    local res = client:request_sync('workspace/executeCommand', { command = 'clio.lookup', arguments = { name } }, 5000, bufnr)
    if res and res.result and type(res.result.markdown) == 'string' and res.result.markdown ~= '' then
      return res.result.markdown
    end
  end
  return nil, ('clio: no card for "%s"'):format(name)
end

--- Looks `name` up and shows its card in a floating window at the cursor, as a hover would.
--- Returns the float's window and buffer, or nil and the reason (also shown with vim.notify).
---@return integer?, integer|string
function M.lookup(name, bufnr)
  if not supported() then
    return nil, 'clio: Neovim 0.11 or newer is needed'
  end
  name = vim.trim(name or '')
  if name == '' then
    name = vim.fn.expand('<cword>')
  end
  local markdown, why = M.card(name, bufnr)
  if not markdown then
    vim.notify(why, vim.log.levels.WARN)
    return nil, why
  end
  local lines = vim.split(markdown, '\n', { plain = true })
  local float_buf, float_win = vim.lsp.util.open_floating_preview(lines, 'markdown', {
    border = 'rounded',
    focus_id = 'clio_lookup',
    title = ' Clio: ' .. name .. ' ',
    max_width = math.min(80, math.floor(vim.o.columns * 0.8)),
    max_height = math.floor(vim.o.lines * 0.6),
  })
  return float_win, float_buf
end

return M
