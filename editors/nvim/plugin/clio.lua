-- Loaded at start-up: the :Clio command (lookup, timeline), and code lenses kept fresh for every clio client, however it was enabled.
if vim.g.loaded_clio or vim.fn.has('nvim-0.11') == 0 then
  return -- Neovim 0.10 and older cannot enable lsp/clio.lua; require('clio').setup() says so
end
vim.g.loaded_clio = true

-- On LspAttach rather than in lsp/clio.lua's on_attach, which a user's own on_attach would replace.
vim.api.nvim_create_autocmd('LspAttach', {
  group = vim.api.nvim_create_augroup('clio', { clear = true }),
  callback = function(args)
    local client = vim.lsp.get_client_by_id(args.data.client_id)
    if client and client.name == 'clio' then
      require('clio').on_attach(args.buf)
    end
  end,
})

local subcommands = {
  lookup = function(arg)
    require('clio').lookup(arg)
  end,
  timeline = function()
    require('clio').timeline()
  end,
}

vim.api.nvim_create_user_command('Clio', function(opts)
  local sub, rest = opts.args:match('^%s*(%S*)%s*(.-)%s*$')
  local run = subcommands[sub]
  if not run then
    vim.notify('clio: usage: :Clio lookup {name} | :Clio timeline', vim.log.levels.ERROR)
    return
  end
  run(rest)
end, {
  nargs = '+',
  desc = 'Clio: :Clio lookup {name} shows the card for a name, term or year; :Clio timeline lists the dated claims',
  complete = function(arglead, cmdline)
    if cmdline:match('^%s*%S+%s+%S*$') then
      return vim.tbl_filter(function(s)
        return vim.startswith(s, arglead)
      end, vim.tbl_keys(subcommands))
    end
    return {}
  end,
})
